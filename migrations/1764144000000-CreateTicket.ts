import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicket1764144000000 implements MigrationInterface {
  name = 'CreateTicket1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "ticket_category" AS ENUM ('MODEL_ALGORITHM', 'HARDWARE_PERFORMANCE', 'SCENARIO_ADAPTATION', 'DATA', 'SAFETY', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "ticket_severity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')`);
    await queryRunner.query(
      `CREATE TYPE "ticket_status" AS ENUM ('OPEN', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'CLOSED', 'REOPENED')`,
    );
    await queryRunner.query(`
      CREATE TABLE "ticket" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "scenario_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "title" character varying(200) NOT NULL,
        "description" text NOT NULL,
        "category" "ticket_category" NOT NULL,
        "severity" "ticket_severity" NOT NULL,
        "severity_rank" smallint NOT NULL,
        "status" "ticket_status" NOT NULL DEFAULT 'OPEN',
        "labels" text array NOT NULL DEFAULT '{}',
        "raised_by_user_id" uuid NOT NULL,
        "raised_by_organization_id" uuid NOT NULL,
        "assignee_organization_id" uuid,
        "assignee_user_id" uuid,
        "response_due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "resolution_due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "responded_at" TIMESTAMP(3) WITH TIME ZONE,
        "resolved_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "ticket_number_unique" UNIQUE ("consortium_id", "number"),
        CONSTRAINT "ticket_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE,
        CONSTRAINT "ticket_scenario_fk" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ticket_consortium_updated_idx" ON "ticket" ("consortium_id", "updated_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_consortium_status_idx" ON "ticket" ("consortium_id", "status")`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_scenario_idx" ON "ticket" ("scenario_id")`);
    await queryRunner.query(
      `CREATE INDEX "ticket_assignee_organization_idx" ON "ticket" ("assignee_organization_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_search_idx" ON "ticket" USING GIN (to_tsvector('simple', "title" || ' ' || "description"))`,
    );
    await queryRunner.query(`
      CREATE TABLE "ticket_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "ticket_id" uuid NOT NULL,
        "consortium_id" uuid NOT NULL,
        "author_user_id" uuid NOT NULL,
        "body" text NOT NULL,
        "history" jsonb NOT NULL DEFAULT '[]',
        "edited_at" TIMESTAMP(3) WITH TIME ZONE,
        "deleted_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_comment_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "ticket_comment_ticket_fk" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ticket_comment_ticket_idx" ON "ticket_comment" ("ticket_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_comment_search_idx" ON "ticket_comment" USING GIN (to_tsvector('simple', "body"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticket_comment"`);
    await queryRunner.query(`DROP TABLE "ticket"`);
    await queryRunner.query(`DROP TYPE "ticket_status"`);
    await queryRunner.query(`DROP TYPE "ticket_severity"`);
    await queryRunner.query(`DROP TYPE "ticket_category"`);
  }
}
