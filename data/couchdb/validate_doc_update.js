// Sunlight's write rules for Apache CouchDB, the same as sunlight-server
// enforces (docs/sync.md "Roles and write rules"). make-design.py puts
// this function into sunlight-design.json; install.sh installs it.
function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;

  function has(role) {
    return roles.indexOf(role) !== -1;
  }

  function deny(reason) {
    throw ({ forbidden: reason });
  }

  // Administrators pass every rule.
  if (has('_admin')) {
    return;
  }
  // 1. A viewer writes nothing.
  if (!has('marketing') && !has('finance')) {
    deny('a viewer reads only');
  }
  // 6. Only an admin writes design documents.
  if (newDoc._id.indexOf('_design/') === 0) {
    deny('only an admin writes design documents');
  }

  if (!old) {
    // 2. A new document's author is the writer's name.
    if (!newDoc._deleted && newDoc.author !== userCtx.name) {
      deny("a new document's author must be its writer");
    }
  } else if (old.type === 'annotation') {
    // 3. Only the author edits or deletes an annotation.
    if (old.author !== userCtx.name) {
      deny('only the author edits or deletes an annotation');
    }
  } else if (old.type === 'comment' || old.type === 'decision') {
    // 4. Comments and decisions are immutable.
    deny('comments and decisions are never changed or deleted');
  }

  // 5. Only finance approves or rejects.
  if (newDoc._deleted || has('finance')) {
    return;
  }
  if (newDoc.type === 'decision' &&
      (newDoc.verdict === 'approve' || newDoc.verdict === 'reject')) {
    deny('only finance approves or rejects in a decision');
  }
  if (newDoc.type === 'plan' &&
      (newDoc.status === 'approved' || newDoc.status === 'rejected') &&
      (!old || old.status !== newDoc.status)) {
    deny('only finance approves or rejects a plan');
  }
}
