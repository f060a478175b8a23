import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox of live events and the record of idempotent requests (issue 16).
 *
 * `live_event` is written in the same transaction as the change it announces, so an event exists
 * exactly when its change committed. Writers take one advisory lock just before commit, so ids
 * become visible in id order and every instance can deliver them in order by reading `id > cursor`.
 * Events are kept for a day; `live_event_horizon` remembers the last id pruned, so a subscriber
 * resuming from an older cursor is told to resynchronise instead of silently missing events.
 *
 * `idempotent_request` keeps, per caller and `Idempotency-Key`, the request's fingerprint, whether
 * its transaction committed (set inside that transaction) and the answer given, for a day.
 */
export class LiveEventOutbox1764800000000 implements MigrationInterface {
  name = 'LiveEventOutbox1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "live_event" (
        "id" bigserial NOT NULL,
        "topic" character varying(60) NOT NULL,
        "consortium_id" uuid,
        "payload" jsonb NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "live_event_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "live_event_created_at_idx" ON "live_event" ("created_at")`);
    await queryRunner.query(`
      CREATE TABLE "live_event_horizon" (
        "singleton" boolean NOT NULL DEFAULT true,
        "pruned_through" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "live_event_horizon_pkey" PRIMARY KEY ("singleton"),
        CONSTRAINT "live_event_horizon_singleton_check" CHECK ("singleton")
      )`);
    await queryRunner.query(`INSERT INTO "live_event_horizon" DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE TABLE "idempotent_request" (
        "scope" character varying(80) NOT NULL,
        "key" character varying(255) NOT NULL,
        "fingerprint" character(64) NOT NULL,
        "locked_until" TIMESTAMP(3) WITH TIME ZONE,
        "committed_at" TIMESTAMP(3) WITH TIME ZONE,
        "status_code" integer,
        "response" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "idempotent_request_pkey" PRIMARY KEY ("scope", "key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idempotent_request_created_at_idx" ON "idempotent_request" ("created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotent_request"`);
    await queryRunner.query(`DROP TABLE "live_event_horizon"`);
    await queryRunner.query(`DROP TABLE "live_event"`);
  }
}
