import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketLabel1764172800000 implements MigrationInterface {
  name = 'CreateTicketLabel1764172800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ticket_label" (
        "consortium_id" uuid NOT NULL,
        "name" character varying(40) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_label_pkey" PRIMARY KEY ("consortium_id", "name"),
        CONSTRAINT "ticket_label_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticket_label"`);
  }
}
