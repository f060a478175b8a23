import { registerDecorator, type ValidationArguments } from 'class-validator';
import { findUsccProblem, USCC_PROBLEM_MESSAGES } from '../unified-social-credit-code';

/** class-validator decorator over the GB 32100-2015 rules, with a message that says what is wrong. */
export function IsUnifiedSocialCreditCode(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isUnifiedSocialCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && findUsccProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const problem = typeof value === 'string' ? findUsccProblem(value) : 'LENGTH';
          return `unifiedSocialCreditCode is not valid: ${USCC_PROBLEM_MESSAGES[problem ?? 'LENGTH']}`;
        },
      },
    });
  };
}
