// The yardstick of DESIGN.md §4: minimal Fastify + pg routes running the same main query as
// GET /api/nodes?kind=compound and GET /api/people (admin, first page), with no sign-in, scope or schema work.
import Fastify from 'fastify';
import pg from 'pg';
import { PERSON_COLUMNS, PERSON_FROM } from '../server/dist/modules/people/people.repo.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/baseline', async () => {
  const { rows } = await pool.query(
    `SELECT n.id, n.kind, n.name, n.code, n.parent_id, n.depth, n.compound_kind, n.active, n.created_at, n.updated_at,
            (SELECT count(*)::int FROM nodes c WHERE c.parent_id = n.id) AS child_count
       FROM nodes n WHERE n.path LIKE ANY($1) AND n.kind = 'compound' AND n.active ORDER BY n.depth, n.code, n.id LIMIT 20`,
    [['/1/%']],
  );
  return { data: rows };
});
app.get('/baseline/people', async () => {
  const { rows } = await pool.query(
    `SELECT ${PERSON_COLUMNS}, count(*) OVER () AS total_count ${PERSON_FROM} WHERE n.path LIKE ANY($1) ORDER BY p.name, p.id LIMIT 20 OFFSET 0`,
    [['/1/%']],
  );
  return { data: rows };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
