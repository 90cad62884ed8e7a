/**
 * CloudWatch metrics in the embedded metric format: one JSON line on stdout, which Lambda turns into
 * a metric without an API call (and which needs no permission). Written past the JSON log formatter,
 * which would wrap it.
 */
export const METRICS_NAMESPACE = 'Minqing';

export const emfMetrics = {
  needsAttention(count: number): void {
    process.stdout.write(
      `${JSON.stringify({
        _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[]], Metrics: [{ Name: 'NeedsAttention', Unit: 'Count' }] }] },
        NeedsAttention: count,
      })}\n`,
    );
  },
};
