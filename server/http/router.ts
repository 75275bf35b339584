import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { AppError, type ErrorDetail } from './errors.ts';
import type { AppEnv } from '../app-env.ts';

/** Maps zod issues to our detail shape, naming the field as `target.path`. */
export function zodDetails(target: string, error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({
    field: [target, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

const TARGET_NAMES: Record<string, string> = { param: 'path', json: 'body', form: 'body' };

/** Every sub-app is built here so that validation failures share one error shape. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = TARGET_NAMES[result.target] ?? result.target;
        throw new AppError(
          400,
          'validation_failed',
          'The request is not valid',
          zodDetails(target, result.error as ZodError),
        );
      }
    },
  });
}
