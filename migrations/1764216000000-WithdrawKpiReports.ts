import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disputes are resolvable (issue 14): the submitting organisation withdraws its report, which then
 * never counts and frees its period for a corrected one. Who withdrew it, when and why are kept
 * beside the review, which a withdrawal does not overwrite.
 */
export class WithdrawKpiReports1764216000000 implements MigrationInterface {
  name = 'WithdrawKpiReports1764216000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "kpi_report_status" ADD VALUE IF NOT EXISTS 'WITHDRAWN'`);
    await queryRunner.query(`
      ALTER TABLE "kpi_report"
        ADD COLUMN "withdrawn_by_user_id" uuid,
        ADD COLUMN "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD COLUMN "withdrawal_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value: rebuild the type; a withdrawn report reads as disputed (neither counts).
    await queryRunner.query(
      `ALTER TABLE "kpi_report" DROP COLUMN "withdrawal_reason", DROP COLUMN "withdrawn_at", DROP COLUMN "withdrawn_by_user_id"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_report" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "kpi_report" ALTER COLUMN "status" TYPE text`);
    await queryRunner.query(`UPDATE "kpi_report" SET "status" = 'DISPUTED' WHERE "status" = 'WITHDRAWN'`);
    await queryRunner.query(`DROP TYPE "kpi_report_status"`);
    await queryRunner.query(`CREATE TYPE "kpi_report_status" AS ENUM ('SUBMITTED', 'VERIFIED', 'DISPUTED')`);
    await queryRunner.query(
      `ALTER TABLE "kpi_report" ALTER COLUMN "status" TYPE "kpi_report_status" USING "status"::"kpi_report_status"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_report" ALTER COLUMN "status" SET DEFAULT 'SUBMITTED'`);
  }
}
