/**
 * @module store/sqlite/statements
 * A cache of prepared statements for SQL built at run time (a query's filters vary), so each
 * distinct shape is compiled once per connection.
 */
import type { Database, Statement } from 'better-sqlite3';

/**
 * A function that returns the prepared statement for `sql`, preparing it on first use.
 *
 * @example
 * const prepare = statementCache(db);
 * prepare('SELECT 1').get();
 */
export function statementCache(db: Database): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return function prepare(sql: string): Statement {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
