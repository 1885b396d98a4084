export * from './alipay';
export * from './merchant-signature';
