import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1764115200000 implements MigrationInterface {
  name = 'CreateIdentity1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "user_role" AS ENUM ('ORG_ADMIN', 'LEGAL', 'DATA_STEWARD', 'SIGNATORY', 'ENGINEER', 'RESEARCHER')`,
    );
    await queryRunner.query(`CREATE TYPE "user_status" AS ENUM ('ACTIVE', 'DEACTIVATED')`);
    await queryRunner.query(`CREATE TYPE "invitation_status" AS ENUM ('PENDING', 'ACCEPTED', 'REVOKED')`);
    await queryRunner.query(`
      CREATE TABLE "user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid,
        "email" character varying(320) NOT NULL,
        "name" character varying(200) NOT NULL,
        "roles" "user_role" array NOT NULL DEFAULT '{}',
        "platform_admin" boolean NOT NULL DEFAULT false,
        "status" "user_status" NOT NULL DEFAULT 'ACTIVE',
        "oidc_issuer" character varying(500),
        "oidc_subject" character varying(255),
        "last_sign_in_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "user_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "user_email_unique" UNIQUE ("email"),
        CONSTRAINT "user_oidc_identity_unique" UNIQUE ("oidc_issuer", "oidc_subject"),
        CONSTRAINT "user_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "user_organization_id_idx" ON "user" ("organization_id", "email")`);
    await queryRunner.query(`
      CREATE TABLE "invitation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "email" character varying(320) NOT NULL,
        "roles" "user_role" array NOT NULL,
        "status" "invitation_status" NOT NULL DEFAULT 'PENDING',
        "invited_by_user_id" uuid,
        "accepted_user_id" uuid,
        "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "invitation_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "invitation_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invitation_pending_email_unique" ON "invitation" ("email") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "invitation_organization_id_idx" ON "invitation" ("organization_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "session" (
        "id_hash" character(64) NOT NULL,
        "user_id" uuid NOT NULL,
        "id_token" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "session_pkey" PRIMARY KEY ("id_hash"),
        CONSTRAINT "session_user_fk" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "session_user_id_idx" ON "session" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "login_attempt" (
        "state_hash" character(64) NOT NULL,
        "nonce" character varying(200) NOT NULL,
        "code_verifier" character varying(200) NOT NULL,
        "return_to" character varying(500) NOT NULL,
        "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("state_hash")
      )`);
    await queryRunner.query(`
      CREATE TABLE "api_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "token_hash" character(64) NOT NULL,
        "display_prefix" character varying(20) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
        "last_used_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "api_token_hash_unique" UNIQUE ("token_hash"),
        CONSTRAINT "api_token_user_fk" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "api_token_user_id_idx" ON "api_token" ("user_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_token', 'login_attempt', 'session', 'invitation', 'user']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of ['invitation_status', 'user_status', 'user_role']) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }
  }
}
