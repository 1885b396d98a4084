import express, { type Router } from 'express';
import type { RestContext } from '../rest-context';

/** The /pay/* admin API (pay-admin-api.md). */
export function payAdminApi(_ctx: RestContext): Router {
  return express.Router();
}
