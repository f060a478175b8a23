import { graphql } from '../../gql';

export const PeopleListDocument = graphql(`
  query PeopleList {
    users(first: 100) {
      nodes {
        id
        name
        email
        roles
        status
        lastSignInAt
      }
      totalCount
    }
  }
`);

export const PeopleInvitationsDocument = graphql(`
  query PeopleInvitations {
    invitations(status: PENDING, first: 100) {
      nodes {
        id
        email
        roles
        status
        expiresAt
        createdAt
      }
      totalCount
    }
  }
`);

export const PeopleUpdateRolesDocument = graphql(`
  mutation PeopleUpdateRoles($input: UpdateUserRolesInput!) {
    updateUserRoles(input: $input) {
      id
      roles
    }
  }
`);

export const PeopleInviteDocument = graphql(`
  mutation PeopleInvite($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      roles
      status
      expiresAt
    }
  }
`);

export const PeopleRevokeInvitationDocument = graphql(`
  mutation PeopleRevokeInvitation($id: UUID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

export const PeopleDeactivateDocument = graphql(`
  mutation PeopleDeactivate($userId: UUID!) {
    deactivateUser(userId: $userId) {
      id
      status
    }
  }
`);

export const PeopleReactivateDocument = graphql(`
  mutation PeopleReactivate($userId: UUID!) {
    reactivateUser(userId: $userId) {
      id
      status
    }
  }
`);
