/** An aws-sdk-client-mock stub that starts each test with no behaviour or calls and is undone after the file. */
export function resetAroundEachTest<S extends { reset(): unknown; restore(): void }>(stub: S): S {
  beforeEach(() => stub.reset());
  afterAll(() => stub.restore());
  return stub;
}
