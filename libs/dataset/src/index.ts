export * from './purpose-matching';
