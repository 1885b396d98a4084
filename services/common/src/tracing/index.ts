export { stopTracing } from './lifecycle';
export { serviceNameOf, tracingRequested } from './settings';
