import express, { type Router } from 'express';
import type { RestContext } from '../rest-context';

/** The CRM billing API (crm-billing-api.md) under /make_crm/api/. */
export function crmApi(_ctx: RestContext): Router {
  return express.Router();
}
