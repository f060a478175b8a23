import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganization1764108000000 implements MigrationInterface {
  name = 'CreateOrganization1764108000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "organization_kind" AS ENUM ('SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE')`,
    );
    await queryRunner.query(`
      CREATE TABLE "organization" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "kind" "organization_kind" NOT NULL,
        "unified_social_credit_code" character(18) NOT NULL,
        "region" character varying(100) NOT NULL,
        "state_owned" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "organization_uscc_unique" UNIQUE ("unified_social_credit_code")
      )`);
    await queryRunner.query(`CREATE INDEX "organization_name_id_idx" ON "organization" ("name", "id")`);
    await queryRunner.query(
      `CREATE INDEX "organization_created_at_id_idx" ON "organization" ("created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "organization_kind_idx" ON "organization" ("kind")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "organization_kind"`);
  }
}
