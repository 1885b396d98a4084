export * from './merchant-signature';
