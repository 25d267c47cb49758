// Settings of the embedded engine. Each line with why.
export const PGLITE_CONF = [
  // Without a cap a large load leaves ~1 GB of WAL behind.
  'max_wal_size=128MB',
  'min_wal_size=32MB',
  // The WASM heap never shrinks: 32 MB of buffers (default 128 MB) keeps idle memory low; the
  // OS page cache still holds the data files.
  'shared_buffers=32MB',
];
