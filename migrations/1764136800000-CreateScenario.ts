import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScenario1764136800000 implements MigrationInterface {
  name = 'CreateScenario1764136800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scenario" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "sector" "sector" NOT NULL,
        "site" character varying(200) NOT NULL,
        "units_deployed" integer NOT NULL DEFAULT 0,
        "target_units" integer NOT NULL DEFAULT 0,
        "kpis" jsonb NOT NULL DEFAULT '[]',
        "created_by_user_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "scenario_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "scenario_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "scenario_consortium_idx" ON "scenario" ("consortium_id", "name", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scenario"`);
  }
}
