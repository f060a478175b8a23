import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-caller request counters shared by every API instance on one database (issue 17). UNLOGGED:
 * a counter lost in a crash only forgives a minute's requests, and writes skip the WAL.
 */
export class RateLimitWindow1764820000000 implements MigrationInterface {
  name = 'RateLimitWindow1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "rate_limit_window" (
        "key" character varying(80) NOT NULL,
        "window_start" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "hits" integer NOT NULL,
        CONSTRAINT "rate_limit_window_pkey" PRIMARY KEY ("key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_window"`);
  }
}
