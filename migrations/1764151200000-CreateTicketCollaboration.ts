import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketCollaboration1764151200000 implements MigrationInterface {
  name = 'CreateTicketCollaboration1764151200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "ticket_link_kind" AS ENUM ('BLOCKS', 'RELATES_TO', 'DUPLICATES')`);
    await queryRunner.query(`
      CREATE TABLE "ticket_link" (
        "from_ticket_id" uuid NOT NULL,
        "to_ticket_id" uuid NOT NULL,
        "kind" "ticket_link_kind" NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_link_pkey" PRIMARY KEY ("from_ticket_id", "to_ticket_id"),
        CONSTRAINT "ticket_link_from_fk" FOREIGN KEY ("from_ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE,
        CONSTRAINT "ticket_link_to_fk" FOREIGN KEY ("to_ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ticket_link_to_idx" ON "ticket_link" ("to_ticket_id")`);
    await queryRunner.query(`
      CREATE TABLE "ticket_watcher" (
        "ticket_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_watcher_pkey" PRIMARY KEY ("ticket_id", "user_id"),
        CONSTRAINT "ticket_watcher_ticket_fk" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ticket_watcher_user_idx" ON "ticket_watcher" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticket_watcher"`);
    await queryRunner.query(`DROP TABLE "ticket_link"`);
    await queryRunner.query(`DROP TYPE "ticket_link_kind"`);
  }
}
