/**
 * `GET /vocabulary`: every closed vocabulary of the API (statuses, kinds,
 * levels, activity types, …) with its Chinese and English labels, for office
 * tools that show codes to people.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VOCABULARIES, vocabularyAnswer } from '../../i18n/vocabulary.ts';
import { plainJsonSerializer } from '../answer-cache.ts';
import { readProblems } from '../schemas.ts';
import type { RouteServices } from '../services.ts';

const Entry = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export const VocabularyAnswer = z
  .object(
    Object.fromEntries([...Object.keys(VOCABULARIES), 'leaderRank'].map((name) => [name, z.array(Entry)])) as Record<
      keyof typeof VOCABULARIES | 'leaderRank',
      z.ZodArray<typeof Entry>
    >,
  )
  .meta({ id: 'Vocabulary' });

export const vocabularyRoutes: FastifyPluginAsync<RouteServices> = async (app, { standards }) => {
  // The vocabularies are fixed while the process runs: the answer is built once.
  const answer = vocabularyAnswer(standards);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/vocabulary',
    {
      config: { access: 'read' },
      serializerCompiler: plainJsonSerializer,
      schema: {
        summary: 'Every enum of the API with its Chinese and English labels',
        tags: ['vocabulary'],
        response: { 200: VocabularyAnswer, ...readProblems },
      },
    },
    async () => answer,
  );
};
