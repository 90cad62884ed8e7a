import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * DynamoDB Local with its listener on 127.0.0.1 only. Its own launcher hands Jetty a bare port, which
 * binds every interface, so anyone on a district's LAN could read the whole table without a key; it has
 * no host option. This builds the server as DynamoDB Local's launcher does, with the same arguments, and
 * pins the connector's host before it starts.
 *
 * It reaches DynamoDB Local and Jetty by reflection only, so it compiles against the JDK alone and the
 * committed LoopbackDynamoDBLocal.class runs on a plain Java 17 runtime (no JDK needed). After editing:
 *   javac --release 17 -d local/java local/java/LoopbackDynamoDBLocal.java
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
    Field field = proxy.getClass().getDeclaredField("server");
    field.setAccessible(true);
    Object server = field.get(proxy);
    Object[] connectors = (Object[]) server.getClass().getMethod("getConnectors").invoke(server);
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local built a server without a connector");
    for (Object connector : connectors) {
      Method setHost = connector.getClass().getMethod("setHost", String.class);
      setHost.invoke(connector, "127.0.0.1");
    }
    proxy.getClass().getMethod("start").invoke(proxy);
    proxy.getClass().getMethod("join").invoke(proxy);
  }
}
