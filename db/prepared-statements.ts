import type postgres from "postgres";

/** Longer statements are mostly bulk inserts whose text changes with the row count: preparing them would only fill the cache. */
const MAX_PREPARED_LENGTH = 4000;

type UnsafeOptions = Parameters<postgres.Sql["unsafe"]>[2];
type Callback = (sql: postgres.Sql) => unknown;

/**
 * Drizzle sends every query as an unnamed statement, so PostgreSQL plans it
 * afresh each time; on the hot API paths planning costs several times the
 * execution (bench/api). This wraps the postgres.js client so short statements
 * are prepared once per connection and reused — inside transactions and
 * savepoints too, which hand Drizzle a fresh client.
 */
export function preferPreparedStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: UnsafeOptions) =>
          target.unsafe(query, params as never, { ...options, prepare: options?.prepare || query.length <= MAX_PREPARED_LENGTH });
      }
      if (property === "begin" || property === "savepoint") {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.at(-1) as Callback;
          return original.call(target, ...args.slice(0, -1), (inner: postgres.Sql) => callback(preferPreparedStatements(inner)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
