import express, { type Router } from 'express';
import type { RestContext } from '../rest-context';

/** The Fubei-style open API (fubei-openapi.md) at POST /openapi. */
export function openApi(_ctx: RestContext): Router {
  return express.Router();
}
