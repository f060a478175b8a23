import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on clauses (issue 15): the parties' legal teams remark on a clause of one version,
 * reply in threads and resolve them. Each comment belongs to the version it was made on (the
 * foreign key) and keeps a hash of the clause as it read then, so a later version shows whether
 * the clause has changed since. Lists go by contract and creation time; open threads have their
 * own partial index, since "how many are open" is asked on every contract page.
 */
export class CreateContractClauseComment1764237600000 implements MigrationInterface {
  name = 'CreateContractClauseComment1764237600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "contract_clause_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "consortium_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "clause_key" character varying(60),
        "clause_hash" character(64),
        "quote" text,
        "body" text NOT NULL,
        "author_user_id" uuid NOT NULL,
        "author_organization_id" uuid NOT NULL,
        "reply_to_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "resolved_at" TIMESTAMP(3) WITH TIME ZONE,
        "resolved_by_user_id" uuid,
        CONSTRAINT "contract_clause_comment_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "contract_clause_comment_version_fk" FOREIGN KEY ("contract_id", "version")
          REFERENCES "contract_version"("contract_id", "number") ON DELETE CASCADE,
        CONSTRAINT "contract_clause_comment_reply_to_fk" FOREIGN KEY ("reply_to_id")
          REFERENCES "contract_clause_comment"("id") ON DELETE CASCADE,
        CONSTRAINT "contract_clause_comment_body_check" CHECK (char_length("body") BETWEEN 1 AND 4000),
        CONSTRAINT "contract_clause_comment_quote_check" CHECK (
          "quote" IS NULL OR (char_length("quote") BETWEEN 1 AND 500 AND "clause_key" IS NOT NULL)),
        CONSTRAINT "contract_clause_comment_resolved_check" CHECK (
          ("resolved_at" IS NULL AND "resolved_by_user_id" IS NULL)
          OR ("resolved_at" IS NOT NULL AND "resolved_by_user_id" IS NOT NULL AND "reply_to_id" IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "contract_clause_comment_contract_idx" ON "contract_clause_comment" ("contract_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_clause_comment_version_idx" ON "contract_clause_comment" ("contract_id", "version", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_clause_comment_reply_idx" ON "contract_clause_comment" ("reply_to_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_clause_comment_open_idx" ON "contract_clause_comment" ("contract_id")
        WHERE "resolved_at" IS NULL AND "reply_to_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contract_clause_comment"`);
  }
}
