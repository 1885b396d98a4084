// PLACEHOLDER: the settlement helper replaces this with the content-addressed store.
export class VoucherStore {
  constructor(readonly dir: string) {}
}
