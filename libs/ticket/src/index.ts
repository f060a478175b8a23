export * from './ticket.module';
export * from './ticket.entity';
export * from './ticket-enums';
export * from './ticket-transitions';
export * from './service-levels';
export { TicketQueryService } from './ticket-query.service';
export * from './ticket.rules';
