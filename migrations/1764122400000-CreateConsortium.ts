import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsortium1764122400000 implements MigrationInterface {
  name = 'CreateConsortium1764122400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "consortium_status" AS ENUM ('FORMING', 'ACTIVE', 'CLOSED')`);
    await queryRunner.query(
      `CREATE TYPE "membership_status" AS ENUM ('INVITED', 'ACTIVE', 'DECLINED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "sector" AS ENUM ('MANUFACTURING', 'INSPECTION', 'MAINTENANCE', 'LOGISTICS', 'RETAIL', 'HEALTHCARE', 'SAFETY_PRODUCTION', 'EMERGENCY_RESCUE', 'DISASTER_RELIEF')`,
    );
    await queryRunner.query(`
      CREATE TABLE "consortium" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "sector" "sector" NOT NULL,
        "region" character varying(100) NOT NULL,
        "status" "consortium_status" NOT NULL DEFAULT 'FORMING',
        "founded_by_organization_id" uuid NOT NULL,
        "activated_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "consortium_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "consortium_founder_fk" FOREIGN KEY ("founded_by_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "consortium_name_id_idx" ON "consortium" ("name", "id")`);
    await queryRunner.query(`CREATE INDEX "consortium_status_idx" ON "consortium" ("status")`);
    await queryRunner.query(`
      CREATE TABLE "membership" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "party_role" "organization_kind" NOT NULL,
        "status" "membership_status" NOT NULL DEFAULT 'INVITED',
        "invited_by_organization_id" uuid,
        "joined_at" TIMESTAMP(3) WITH TIME ZONE,
        "left_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "membership_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "membership_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE,
        CONSTRAINT "membership_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "membership_open_unique" ON "membership" ("consortium_id", "organization_id") WHERE "status" IN ('INVITED', 'ACTIVE')`,
    );
    await queryRunner.query(
      `CREATE INDEX "membership_organization_idx" ON "membership" ("organization_id", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "membership_consortium_idx" ON "membership" ("consortium_id", "status")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP TABLE "consortium"`);
    await queryRunner.query(`DROP TYPE "sector"`);
    await queryRunner.query(`DROP TYPE "membership_status"`);
    await queryRunner.query(`DROP TYPE "consortium_status"`);
  }
}
