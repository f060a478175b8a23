import { ArgsType, Field, Int, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { Args } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { AuthorizationService } from '../authorization/authorization.service';
import { NotFoundError } from '../errors/domain-error';
import { connectionCost } from '../graphql/query-cost';
import { UUIDScalar } from '../graphql/scalars';
import { Connection } from '../pagination/connection.type';
import { PageArgs } from '../pagination/page-args';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail, type AuditScope } from './audit-trail.service';

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

export enum AuditProblemKindEnum {
  EDITED = 'EDITED',
  DELETED = 'DELETED',
  REORDERED = 'REORDERED',
  FORGED = 'FORGED',
}

registerEnumType(AuditProblemKindEnum, { name: 'AuditProblemKind' });

@ObjectType('AuditProblem')
export class AuditProblemType {
  @Field({ description: 'Position of the first bad entry in the chain.' })
  seq!: string;

  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => AuditProblemKindEnum)
  kind!: AuditProblemKindEnum;

  @Field()
  message!: string;
}

@ObjectType('AuditVerification', { description: 'The result of recomputing the whole hash chain.' })
export class AuditVerificationType {
  @Field()
  valid!: boolean;

  @Field(() => Int)
  checkedEntries!: number;

  @Field(() => AuditProblemType, { nullable: true })
  firstProblem?: AuditProblemType;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  consortiumId?: string;

  @Field({ nullable: true, description: 'e.g. membership.accept' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectId?: string;

  @Field(() => UUIDScalar, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;
}

/** Members read the trail of their own consortia, platform admins all; anyone signed in may verify it. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly trail: AuditTrail,
    private readonly authorization: AuthorizationService,
  ) {}

  @Query(() => AuditEntryConnection, {
    description: 'Audit entries, newest first.',
    complexity: connectionCost,
  })
  async auditEntries(
    @CurrentCaller() caller: Caller,
    @Args() args: AuditEntriesArgs,
  ): Promise<AuditEntryConnection> {
    const scope: AuditScope = caller.platformAdmin
      ? 'all'
      : { consortiumIds: await this.authorization.activeConsortiumIds(caller) };
    if (args.consortiumId && scope !== 'all' && !scope.consortiumIds.includes(args.consortiumId)) {
      throw new NotFoundError('Consortium', args.consortiumId);
    }
    const { consortiumId, action, subjectType, subjectId, actorUserId, first, after } = args;
    return this.trail.list(
      scope,
      { consortiumId, action, subjectType, subjectId, actorUserId },
      { first, after },
    );
  }

  @Query(() => AuditVerificationType, {
    description:
      'Recomputes the whole chain and names the first entry that was edited, deleted, reordered or forged.',
  })
  async verifyAuditChain(@CurrentCaller() _caller: Caller): Promise<AuditVerificationType> {
    const result = await this.trail.verify();
    return {
      ...result,
      firstProblem: result.firstProblem
        ? { ...result.firstProblem, kind: result.firstProblem.kind as AuditProblemKindEnum }
        : undefined,
    };
  }
}
