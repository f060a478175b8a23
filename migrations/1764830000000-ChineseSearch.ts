import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that finds words inside Chinese sentences (issue 18). `simple` text search splits on spaces
 * and punctuation only, so a Chinese sentence was one word. `tetrad_search_document` turns text into
 * terms the same way on PostgreSQL and the embedded database (no extension needed): runs of Chinese,
 * Japanese or Korean characters become every single character and every overlapping pair, other
 * letters and digits become lower-case words. Full-width forms are folded first (NFKC). The query
 * side (libs/core/src/search/search-terms.ts) must cut text the same way.
 *
 * Each searched table keeps its document in a `search_vector` column, kept current by a trigger
 * (a generated column would do, but TypeORM's schema check cannot compare generated expressions),
 * with a GIN index; the old expression indexes over `simple` go.
 */
const WORD = String.raw`0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff`;
const CJK = String.raw`\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff`;
/**
 * Words are indexed by their first 100 characters: PostgreSQL refuses a lexeme over 2,046 bytes (a
 * 5,000-letter "word" in a description made the insert fail), and the query side treats a longer
 * word as a prefix of those 100 (MAX_WORD_LENGTH in libs/core/src/search/search-terms.ts).
 */
const MAX_WORD_LENGTH = 100;

const DOCUMENT_FUNCTION = `
CREATE FUNCTION tetrad_search_document(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  WITH runs AS (
    SELECT found.m[1] AS run, found.ord
      FROM regexp_matches(
        translate(normalize(body, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
        '[${WORD}]+|[${CJK}]+', 'g') WITH ORDINALITY AS found(m, ord)
  ), placed AS (
    SELECT run, coalesce(sum(char_length(run)) OVER (
             ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS base
      FROM runs
  ), terms AS (
    SELECT left(run, ${MAX_WORD_LENGTH}) AS term, base + 1 AS pos FROM placed WHERE run ~ '^[${WORD}]'
    UNION ALL
    SELECT substr(run, i, width), base + i
      FROM placed, generate_series(1, char_length(run)) AS i, (VALUES (1), (2)) AS widths(width)
     WHERE run !~ '^[${WORD}]' AND i + width - 1 <= char_length(run)
  )
  SELECT coalesce(string_agg('''' || term || ''':' || least(pos, 16383), ' '), '')::tsvector FROM terms
$fn$`;

interface Searched {
  table: string;
  /** The tsvector expression over NEW's columns, heaviest first. */
  document: string;
  columns: string[];
  oldIndex: string;
  oldExpression: string;
}

const SEARCHED: Searched[] = [
  {
    table: 'ticket',
    document: `setweight(tetrad_search_document(coalesce(NEW."title", '')), 'A') || setweight(tetrad_search_document(coalesce(NEW."description", '')), 'B')`,
    columns: ['title', 'description'],
    oldIndex: 'ticket_search_idx',
    oldExpression: `to_tsvector('simple', "title" || ' ' || "description")`,
  },
  {
    table: 'ticket_comment',
    document: `setweight(tetrad_search_document(coalesce(NEW."body", '')), 'C')`,
    columns: ['body'],
    oldIndex: 'ticket_comment_search_idx',
    oldExpression: `to_tsvector('simple', "body")`,
  },
  {
    table: 'dataset',
    document: `setweight(tetrad_search_document(coalesce(NEW."name", '')), 'A') || setweight(tetrad_search_document(coalesce(NEW."robot_type", '')), 'B') || setweight(tetrad_search_document(coalesce(NEW."description", '')), 'C')`,
    columns: ['name', 'description', 'robot_type'],
    oldIndex: 'dataset_search_idx',
    oldExpression: `to_tsvector('simple', "name" || ' ' || "description" || ' ' || "robot_type")`,
  },
];

export class ChineseSearch1764830000000 implements MigrationInterface {
  name = 'ChineseSearch1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DOCUMENT_FUNCTION);
    for (const { table, document, columns, oldIndex } of SEARCHED) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_vector" tsvector`);
      await queryRunner.query(
        `CREATE FUNCTION "${table}_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $fn$
         BEGIN NEW."search_vector" := ${document}; RETURN NEW; END $fn$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_vector" BEFORE INSERT OR UPDATE OF ${columns.map((c) => `"${c}"`).join(', ')}
         ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${table}_search_vector"()`,
      );
      // Fires the trigger on every existing row.
      await queryRunner.query(`UPDATE "${table}" SET "${columns[0]}" = "${columns[0]}"`);
      await queryRunner.query(
        `CREATE INDEX "${table}_search_vector_idx" ON "${table}" USING GIN ("search_vector")`,
      );
      await queryRunner.query(`DROP INDEX "${oldIndex}"`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, oldIndex, oldExpression } of [...SEARCHED].reverse()) {
      await queryRunner.query(`CREATE INDEX "${oldIndex}" ON "${table}" USING GIN (${oldExpression})`);
      await queryRunner.query(`DROP TRIGGER "${table}_search_vector" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "${table}_search_vector"()`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_vector"`);
    }
    await queryRunner.query(`DROP FUNCTION tetrad_search_document(text)`);
  }
}
