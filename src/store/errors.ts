/** A store could not be opened or migrated: a path, a permission, a newer schema. */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/** A query failed; keeps the SQL and its parameters for the report. */
export class StoreQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: readonly unknown[],
    options?: { cause?: unknown },
  ) {
    super(
      `query failed: ${(options?.cause as Error | undefined)?.message ?? 'unknown error'}`,
      options,
    );
    this.name = 'StoreQueryError';
  }
}
