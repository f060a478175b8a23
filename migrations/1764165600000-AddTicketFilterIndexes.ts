import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index per way of finding work (issue 5). Every ticket list is scoped to consortia first, so
 * the sort indexes lead with consortium_id and end with id, matching the keyset
 * `(sort column, id) < (cursor)` of each order: a page is an index range scan whatever the table size.
 * - (consortium_id, created_at, id), (consortium_id, severity_rank, id),
 *   (consortium_id, resolution_due_at, id): the CREATED_DESC, SEVERITY_DESC and RESOLUTION_DUE_ASC
 *   orders (UPDATED_DESC uses ticket_consortium_updated_idx from CreateTicket). The due-date index
 *   also serves the overdue filter, which compares the due dates with now().
 * - (consortium_id, category): the category filter within a consortium.
 * - assignee_user_id, raised_by_user_id: "assigned to me" and "raised by me", across consortia.
 * - GIN on labels: `:label = ANY(labels)` written as `labels @> ARRAY[label]` can use it.
 * Status, scenario, assignee organisation and the full-text search have their indexes in CreateTicket.
 */
export class AddTicketFilterIndexes1764165600000 implements MigrationInterface {
  name = 'AddTicketFilterIndexes1764165600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ticket_consortium_created_idx" ON "ticket" ("consortium_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_consortium_severity_idx" ON "ticket" ("consortium_id", "severity_rank", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_consortium_due_idx" ON "ticket" ("consortium_id", "resolution_due_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_consortium_category_idx" ON "ticket" ("consortium_id", "category")`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_assignee_user_idx" ON "ticket" ("assignee_user_id")`);
    await queryRunner.query(`CREATE INDEX "ticket_raised_by_user_idx" ON "ticket" ("raised_by_user_id")`);
    await queryRunner.query(`CREATE INDEX "ticket_labels_idx" ON "ticket" USING GIN ("labels")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'ticket_labels_idx',
      'ticket_raised_by_user_idx',
      'ticket_assignee_user_idx',
      'ticket_consortium_category_idx',
      'ticket_consortium_due_idx',
      'ticket_consortium_severity_idx',
      'ticket_consortium_created_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
  }
}
