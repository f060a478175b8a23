import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dataset catalog. Indexes: (consortium_id, name, id) for a consortium's catalog in name order
 * (the keyset of the list); (sensitivity, name, id) for the PUBLIC catalog every signed-in person
 * sees; owner_organization_id for "our datasets"; GIN on modalities and allowed_purposes for the
 * `@>` filters; a GIN expression index for the full-text search over name, description, robot type.
 */
export class CreateDataset1764180000000 implements MigrationInterface {
  name = 'CreateDataset1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "data_modality" AS ENUM ('RGB', 'DEPTH', 'FORCE_TORQUE', 'TACTILE', 'JOINT_STATES', 'TRAJECTORIES', 'AUDIO', 'LANGUAGE_ANNOTATIONS')`,
    );
    await queryRunner.query(
      `CREATE TYPE "dataset_format" AS ENUM ('LEROBOT', 'RLDS', 'MCAP', 'ROS2_BAG', 'HDF5', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "dataset_sensitivity" AS ENUM ('PUBLIC', 'CONSORTIUM', 'RESTRICTED', 'TRADE_SECRET')`,
    );
    await queryRunner.query(
      `CREATE TYPE "purpose" AS ENUM ('RESEARCH', 'MODEL_TRAINING', 'BENCHMARKING', 'SIM_TO_REAL', 'SAFETY_CERTIFICATION', 'COMMERCIAL_PRODUCT', 'REDISTRIBUTE_DERIVED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "anonymisation_status" AS ENUM ('NOT_APPLICABLE', 'NONE', 'PSEUDONYMISED', 'ANONYMISED')`,
    );
    await queryRunner.query(`
      CREATE TABLE "dataset" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "scenario_id" uuid NOT NULL,
        "owner_organization_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "modalities" "data_modality" array NOT NULL,
        "format" "dataset_format" NOT NULL,
        "format_version" character varying(40) NOT NULL DEFAULT '',
        "robot_type" character varying(100) NOT NULL,
        "features" jsonb NOT NULL DEFAULT '[]',
        "episodes" integer NOT NULL DEFAULT 0,
        "hours" double precision NOT NULL DEFAULT 0,
        "fps" double precision NOT NULL DEFAULT 0,
        "size_bytes" bigint NOT NULL DEFAULT 0,
        "personal_data" boolean NOT NULL DEFAULT false,
        "anonymisation" "anonymisation_status" NOT NULL DEFAULT 'NOT_APPLICABLE',
        "sensitivity" "dataset_sensitivity" NOT NULL,
        "allowed_purposes" "purpose" array NOT NULL DEFAULT '{}',
        "storage_location" text NOT NULL,
        "checksum" character varying(128) NOT NULL DEFAULT '',
        "version" integer NOT NULL DEFAULT 1,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "dataset_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "dataset_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE,
        CONSTRAINT "dataset_scenario_fk" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE RESTRICT,
        CONSTRAINT "dataset_owner_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "dataset_consortium_name_idx" ON "dataset" ("consortium_id", "name", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "dataset_owner_idx" ON "dataset" ("owner_organization_id")`);
    await queryRunner.query(
      `CREATE INDEX "dataset_sensitivity_idx" ON "dataset" ("sensitivity", "name", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "dataset_modalities_idx" ON "dataset" USING GIN ("modalities")`);
    await queryRunner.query(
      `CREATE INDEX "dataset_purposes_idx" ON "dataset" USING GIN ("allowed_purposes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "dataset_search_idx" ON "dataset" USING GIN (to_tsvector('simple', "name" || ' ' || "description" || ' ' || "robot_type"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dataset"`);
    for (const type of [
      'anonymisation_status',
      'purpose',
      'dataset_sensitivity',
      'dataset_format',
      'data_modality',
    ]) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }
  }
}
