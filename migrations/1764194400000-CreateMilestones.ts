import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI reports, risk/reward milestones, consensus proposals and the ledger. The ledger's unique key
 * (milestone, organisation, kind) makes each party's entry for a milestone unique, so evaluating
 * twice, or on two instances at once, cannot pay twice. A partial index finds the milestones still
 * open past their due date for the sweeper.
 */
export class CreateMilestones1764194400000 implements MigrationInterface {
  name = 'CreateMilestones1764194400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "kpi_report_status" AS ENUM ('SUBMITTED', 'VERIFIED', 'DISPUTED')`);
    await queryRunner.query(
      `CREATE TYPE "milestone_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'ACHIEVED', 'MISSED', 'WAIVED')`,
    );
    await queryRunner.query(`CREATE TYPE "milestone_proposal_kind" AS ENUM ('WAIVE', 'CHANGE_SPLIT')`);
    await queryRunner.query(
      `CREATE TYPE "milestone_proposal_status" AS ENUM ('OPEN', 'ACCEPTED', 'WITHDRAWN')`,
    );
    await queryRunner.query(`CREATE TYPE "ledger_entry_kind" AS ENUM ('REWARD', 'RISK')`);
    await queryRunner.query(`
      CREATE TABLE "kpi_report" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "scenario_id" uuid NOT NULL,
        "submitted_by_organization_id" uuid NOT NULL,
        "submitted_by_user_id" uuid,
        "period_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "period_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "units_processed" integer NOT NULL,
        "operating_hours" double precision NOT NULL,
        "robots_in_service" integer NOT NULL,
        "interventions" integer NOT NULL,
        "successes" integer,
        "attempts" integer,
        "values" jsonb NOT NULL,
        "status" "kpi_report_status" NOT NULL DEFAULT 'SUBMITTED',
        "reviewed_by_organization_id" uuid,
        "reviewed_by_user_id" uuid,
        "reviewed_at" TIMESTAMP(3) WITH TIME ZONE,
        "review_reason" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "kpi_report_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "kpi_report_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE,
        CONSTRAINT "kpi_report_scenario_fk" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "kpi_report_scenario_period_idx" ON "kpi_report" ("scenario_id", "period_start", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "kpi_report_consortium_idx" ON "kpi_report" ("consortium_id", "period_start", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "milestone" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "scenario_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "targets" jsonb NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "window_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" "milestone_status" NOT NULL DEFAULT 'PLANNED',
        "currency" character(3) NOT NULL,
        "reward_pool_minor" bigint NOT NULL,
        "risk_amount_minor" bigint NOT NULL,
        "shares" jsonb NOT NULL,
        "achieved_by_report_id" uuid,
        "decided_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_by_user_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "milestone_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "milestone_amounts_check" CHECK ("reward_pool_minor" >= 0 AND "risk_amount_minor" >= 0),
        CONSTRAINT "milestone_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE,
        CONSTRAINT "milestone_scenario_fk" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "milestone_consortium_idx" ON "milestone" ("consortium_id", "due_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "milestone_scenario_idx" ON "milestone" ("scenario_id", "due_at")`);
    await queryRunner.query(
      `CREATE INDEX "milestone_open_due_idx" ON "milestone" ("due_at") WHERE "status" IN ('PLANNED', 'IN_PROGRESS')`,
    );
    await queryRunner.query(`
      CREATE TABLE "milestone_proposal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "milestone_id" uuid NOT NULL,
        "kind" "milestone_proposal_kind" NOT NULL,
        "shares" jsonb,
        "reason" text NOT NULL,
        "status" "milestone_proposal_status" NOT NULL DEFAULT 'OPEN',
        "proposed_by_user_id" uuid NOT NULL,
        "approved_by_organization_ids" uuid array NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "decided_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "milestone_proposal_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "milestone_proposal_milestone_fk" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "milestone_proposal_milestone_idx" ON "milestone_proposal" ("milestone_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "ledger_entry" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "milestone_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "kind" "ledger_entry_kind" NOT NULL,
        "consortium_id" uuid NOT NULL,
        "scenario_id" uuid NOT NULL,
        "basis_points" integer NOT NULL,
        "amount_minor" bigint NOT NULL,
        "currency" character(3) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "ledger_entry_once_uq" UNIQUE ("milestone_id", "organization_id", "kind"),
        CONSTRAINT "ledger_entry_milestone_fk" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ledger_entry_consortium_idx" ON "ledger_entry" ("consortium_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ledger_entry_organization_idx" ON "ledger_entry" ("organization_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ledger_entry_scenario_idx" ON "ledger_entry" ("scenario_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ledger_entry', 'milestone_proposal', 'milestone', 'kpi_report']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of [
      'ledger_entry_kind',
      'milestone_proposal_status',
      'milestone_proposal_kind',
      'milestone_status',
      'kpi_report_status',
    ]) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }
  }
}
