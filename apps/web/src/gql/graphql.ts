/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** FORMING until all four party kinds are active members, then ACTIVE; CLOSED at the end. */
export type ConsortiumStatus = 'ACTIVE' | 'CLOSED' | 'FORMING';

/** The part an organisation plays in a consortium. */
export type OrganizationKind =
  /** Works on the core algorithms and models. */
  | 'RESEARCH_INSTITUTE'
  /** Builds and adapts the robots. */
  | 'ROBOT_MAKER'
  /** Runs the real scenario (factory, nursing home, utility) and names pain points. */
  | 'SCENARIO_USER'
  /** Provides components: joints, sensors, hands, batteries. */
  | 'SUPPLIER';

/** A role a person holds in their organisation. */
export type UserRole =
  /** Curates the organisation's datasets and reviews access requests. */
  | 'DATA_STEWARD'
  /** Works on scenarios, tickets and data. */
  | 'ENGINEER'
  /** Drafts and negotiates data-use agreements. */
  | 'LEGAL'
  /** Invites people and manages their roles in the organisation. */
  | 'ORG_ADMIN'
  /** Finds data and requests access to it. */
  | 'RESEARCHER'
  /** Signs agreed contracts for the organisation. */
  | 'SIGNATORY';

export type SessionQueryVariables = Exact<{ [key: string]: never }>;

export type SessionQuery = {
  me: {
    id: string;
    name: string;
    email: string;
    roles: Array<UserRole>;
    platformAdmin: boolean;
    organization: { id: string; name: string; kind: OrganizationKind } | null;
    consortia: { nodes: Array<{ id: string; name: string; status: ConsortiumStatus }> };
  };
};

export const SessionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Session' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'platformAdmin' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'organization' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consortia' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '100' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionQuery, SessionQueryVariables>;
