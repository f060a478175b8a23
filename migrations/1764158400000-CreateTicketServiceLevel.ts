import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketServiceLevel1764158400000 implements MigrationInterface {
  name = 'CreateTicketServiceLevel1764158400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ticket_service_level" (
        "consortium_id" uuid NOT NULL,
        "severity" "ticket_severity" NOT NULL,
        "response_hours" integer NOT NULL,
        "resolution_hours" integer NOT NULL,
        CONSTRAINT "ticket_service_level_pkey" PRIMARY KEY ("consortium_id", "severity"),
        CONSTRAINT "ticket_service_level_consortium_fk" FOREIGN KEY ("consortium_id") REFERENCES "consortium"("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticket_service_level"`);
  }
}
