import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { AppError, type Role } from '@pay/common';
import type { GatewayContext } from '../graphql/context';

const INTROSPECTION_ROLES: readonly Role[] = ['ANALYST', 'OPERATOR'];

export function selectsIntrospection(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value === '__schema' || selection.name.value === '__type';
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return selectsIntrospection(selection.selectionSet, document, seen);
    const name = selection.name.value;
    if (seen.has(name)) return false;
    seen.add(name);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION
      ? selectsIntrospection(fragment.selectionSet, document, seen)
      : false;
  });
}

/** Introspection (`__schema`, `__type`) is for the roles that explore the graph: ANALYST and OPERATOR. */
export function introspectionPolicy(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (INTROSPECTION_ROLES.includes(contextValue.actor.role)) return;
          if (operation && selectsIntrospection(operation.selectionSet, document)) {
            throw new AppError(
              'FORBIDDEN',
              `introspection is available to ${INTROSPECTION_ROLES.join(' and ')} only`,
            );
          }
        },
      };
    },
  };
}
