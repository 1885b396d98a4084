import express, { type Router } from 'express';
import type { RestContext } from '../rest-context';

/** The account-clearing API (account-clearing-api.md) under /api/account/v1/. */
export function accountClearingApi(_ctx: RestContext): Router {
  return express.Router();
}
