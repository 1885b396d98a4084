import { parse, type OperationDefinitionNode } from 'graphql';
import { selectsIntrospection } from './introspection-policy';

function check(query: string): boolean {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return selectsIntrospection(operation.selectionSet, document);
}

describe('selectsIntrospection', () => {
  it('finds __schema and __type at the root, in inline fragments and in named fragments', () => {
    expect(check('{ __schema { types { name } } }')).toBe(true);
    expect(check('{ __type(name: "Order") { name } }')).toBe(true);
    expect(check('{ ... on Query { __schema { queryType { name } } } }')).toBe(true);
    expect(check('query { ...F } fragment F on Query { __type(name: "X") { name } }')).toBe(true);
  });

  it('lets ordinary queries and __typename through', () => {
    expect(check('{ __typename channels { code } }')).toBe(false);
    expect(check('query { ...F } fragment F on Query { channels { code } }')).toBe(false);
  });

  it('does not loop on self-referencing fragments', () => {
    expect(check('query { ...F } fragment F on Query { ...F }')).toBe(false);
  });
});
