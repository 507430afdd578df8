// A real PouchDB client against a CouchDB-compatible server:
//
//   node pouchdb-replicate.js URL DB USER PASSWORD DIR [EDITS.json]
//
// pulls DB into a local PouchDB kept in DIR, applies EDITS (an array of
// documents; one naming an existing _id without _rev edits the local
// revision), pushes, pulls again, and prints the local documents (with
// _conflicts) and what each replication did as one JSON object.
'use strict';

const fs = require('fs');
const path = require('path');
const PouchDB = require('pouchdb');

async function applyEdits (local, file) {
  if (!file)
    return 0;

  const edits = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const doc of edits) {
    if (doc._rev === undefined) {
      try {
        doc._rev = (await local.get(doc._id))._rev;
      } catch (e) {
        if (e.status !== 404)
          throw e;
      }
    }
  }
  const results = await local.bulkDocs(edits);
  const failed = results.filter(r => r.error);
  if (failed.length > 0)
    throw new Error('local edits failed: ' + JSON.stringify(failed));
  return results.length;
}

function summary (result) {
  return {
    ok: result.ok,
    docs_read: result.docs_read,
    docs_written: result.docs_written,
    doc_write_failures: result.doc_write_failures,
    errors: result.errors.map(e => String(e && (e.message || e.reason || e)))
  };
}

async function main () {
  const [url, dbName, user, password, dir, editsFile] = process.argv.slice(2);
  if (!dir)
    throw new Error('usage: pouchdb-replicate.js URL DB USER PASSWORD DIR [EDITS.json]');

  const remote = new PouchDB(url + '/' + dbName, {
    auth: { username: user, password: password },
    skip_setup: true
  });
  const local = new PouchDB(path.join(dir, 'local'));

  const pulled = await local.replicate.from(remote);
  const edited = await applyEdits(local, editsFile);
  const pushed = await local.replicate.to(remote);
  const again = await local.replicate.from(remote);
  const all = await local.allDocs({ include_docs: true, conflicts: true });

  process.stdout.write(JSON.stringify({
    pulled: summary(pulled),
    edited: edited,
    pushed: summary(pushed),
    pulled_again: summary(again),
    docs: all.rows.map(row => row.doc)
  }) + '\n');
  await local.close();
}

main().catch(error => {
  // The HTTP status and reason say what the server answered.
  const what = { status: error.status, name: error.name, message: error.message, reason: error.reason };
  process.stderr.write('pouchdb-replicate: ' + JSON.stringify(what) + '\n' + (error.stack || '') + '\n');
  process.exit(1);
});
