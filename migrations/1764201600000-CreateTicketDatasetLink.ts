import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Traceability: a pain-point ticket names the datasets it concerns (DOMAIN.md, "links to datasets").
 * The primary key serves "the datasets of a ticket"; (dataset_id, ticket_id) serves "the tickets
 * of a page of datasets" in one query.
 */
export class CreateTicketDatasetLink1764201600000 implements MigrationInterface {
  name = 'CreateTicketDatasetLink1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ticket_dataset_link" (
        "ticket_id" uuid NOT NULL,
        "dataset_id" uuid NOT NULL,
        "consortium_id" uuid NOT NULL,
        "created_by_user_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_dataset_link_pkey" PRIMARY KEY ("ticket_id", "dataset_id"),
        CONSTRAINT "ticket_dataset_link_ticket_fk" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE,
        CONSTRAINT "ticket_dataset_link_dataset_fk" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ticket_dataset_link_dataset_idx" ON "ticket_dataset_link" ("dataset_id", "ticket_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticket_dataset_link"`);
  }
}
