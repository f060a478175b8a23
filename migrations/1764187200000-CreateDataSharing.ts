import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data access requests and data-sharing contracts. Party and provider organisations are also kept
 * as uuid arrays with GIN indexes, so that "contracts my organisation is a party to" and "requests
 * my organisation must review" are index lookups the authorization rules can express. Versions are
 * rows that are never updated; at most one live (unvoided) signature per party and contract.
 */
export class CreateDataSharing1764187200000 implements MigrationInterface {
  name = 'CreateDataSharing1764187200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "data_access_request_status" AS ENUM ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN')`,
    );
    await queryRunner.query(`CREATE TYPE "access_decision" AS ENUM ('PENDING', 'APPROVED', 'REJECTED')`);
    await queryRunner.query(
      `CREATE TYPE "contract_status" AS ENUM ('DRAFT', 'IN_NEGOTIATION', 'AGREED', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "contract_duty" AS ENUM ('ATTRIBUTE', 'DELETE_ON_EXPIRY', 'REPORT_PUBLICATIONS', 'NOTIFY_BREACH')`,
    );
    await queryRunner.query(`
      CREATE TABLE "data_access_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "requester_organization_id" uuid NOT NULL,
        "requester_user_id" uuid NOT NULL,
        "provider_organization_ids" uuid array NOT NULL,
        "purpose" "purpose" NOT NULL,
        "intended_outputs" text NOT NULL,
        "duration_days" integer NOT NULL,
        "security_measures" text NOT NULL,
        "status" "data_access_request_status" NOT NULL DEFAULT 'SUBMITTED',
        "review_due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "decided_at" TIMESTAMP(3) WITH TIME ZONE,
        "contract_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "data_access_request_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "data_access_request_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE,
        CONSTRAINT "data_access_request_requester_fk" FOREIGN KEY ("requester_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "data_access_request_consortium_idx" ON "data_access_request" ("consortium_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "data_access_request_requester_idx" ON "data_access_request" ("requester_organization_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "data_access_request_providers_idx" ON "data_access_request" USING GIN ("provider_organization_ids")`,
    );
    await queryRunner.query(`
      CREATE TABLE "data_access_request_item" (
        "request_id" uuid NOT NULL,
        "dataset_id" uuid NOT NULL,
        "owner_organization_id" uuid NOT NULL,
        "match_decision" character varying(10) NOT NULL,
        "match_rationale" jsonb NOT NULL,
        "matcher_version" character varying(40) NOT NULL,
        "decision" "access_decision" NOT NULL DEFAULT 'PENDING',
        "reason" text,
        "reviewed_by_user_id" uuid,
        "reviewed_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "data_access_request_item_pkey" PRIMARY KEY ("request_id", "dataset_id"),
        CONSTRAINT "data_access_request_item_request_fk" FOREIGN KEY ("request_id") REFERENCES "data_access_request"("id") ON DELETE CASCADE,
        CONSTRAINT "data_access_request_item_dataset_fk" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "data_access_request_item_dataset_idx" ON "data_access_request_item" ("dataset_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "data_sharing_contract" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consortium_id" uuid NOT NULL,
        "access_request_id" uuid,
        "title" character varying(200) NOT NULL,
        "status" "contract_status" NOT NULL DEFAULT 'DRAFT',
        "recipient_organization_id" uuid NOT NULL,
        "provider_organization_ids" uuid array NOT NULL,
        "party_organization_ids" uuid array NOT NULL,
        "dataset_ids" uuid array NOT NULL,
        "current_version" integer NOT NULL DEFAULT 1,
        "agreed_version" integer,
        "agreed_hash" character(64),
        "starts_at" TIMESTAMP WITH TIME ZONE,
        "ends_at" TIMESTAMP WITH TIME ZONE,
        "fully_signed_at" TIMESTAMP(3) WITH TIME ZONE,
        "status_reason" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "data_sharing_contract_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "data_sharing_contract_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "data_sharing_contract_consortium_idx" ON "data_sharing_contract" ("consortium_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "data_sharing_contract_recipient_idx" ON "data_sharing_contract" ("recipient_organization_id", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "data_sharing_contract_parties_idx" ON "data_sharing_contract" USING GIN ("party_organization_ids")`,
    );
    await queryRunner.query(
      `CREATE INDEX "data_sharing_contract_datasets_idx" ON "data_sharing_contract" USING GIN ("dataset_ids")`,
    );
    await queryRunner.query(`
      CREATE TABLE "contract_version" (
        "contract_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "based_on" integer,
        "title" character varying(200) NOT NULL,
        "terms" jsonb NOT NULL,
        "clauses" jsonb NOT NULL,
        "content_hash" character(64) NOT NULL,
        "note" text NOT NULL DEFAULT '',
        "author_user_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "contract_version_pkey" PRIMARY KEY ("contract_id", "number"),
        CONSTRAINT "contract_version_contract_fk" FOREIGN KEY ("contract_id") REFERENCES "data_sharing_contract"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "contract_signature" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "organization_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "hash" character(64) NOT NULL,
        "signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "voided_at" TIMESTAMP(3) WITH TIME ZONE,
        "void_reason" text,
        CONSTRAINT "contract_signature_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "contract_signature_contract_fk" FOREIGN KEY ("contract_id") REFERENCES "data_sharing_contract"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "contract_signature_contract_idx" ON "contract_signature" ("contract_id", "signed_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_signature_one_live_idx" ON "contract_signature" ("contract_id", "organization_id") WHERE "voided_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "contract_obligation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "duty" "contract_duty" NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "met_at" TIMESTAMP(3) WITH TIME ZONE,
        "met_by_user_id" uuid,
        "evidence" text NOT NULL DEFAULT '',
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "contract_obligation_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "contract_obligation_contract_fk" FOREIGN KEY ("contract_id") REFERENCES "data_sharing_contract"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "contract_obligation_contract_idx" ON "contract_obligation" ("contract_id", "due_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'contract_obligation',
      'contract_signature',
      'contract_version',
      'data_sharing_contract',
      'data_access_request_item',
      'data_access_request',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of [
      'contract_duty',
      'contract_status',
      'access_decision',
      'data_access_request_status',
    ]) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }
  }
}
