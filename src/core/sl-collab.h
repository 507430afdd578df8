/* sl-collab.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-workspace.h"

G_BEGIN_DECLS

/* The conversation with finance: the rules its edits keep. Every
 * refusal is an SL_COLLAB_ERROR whose message says what to fix, and
 * nothing is written. */
#define SL_COLLAB_ERROR (sl_collab_error_quark ())

typedef enum
{
  SL_COLLAB_ERROR_INVALID,          /* a field is missing or out of range */
  SL_COLLAB_ERROR_NOT_FOUND,        /* the item no longer exists */
  SL_COLLAB_ERROR_NOT_ALLOWED,      /* the user's role or authorship forbids it */
  SL_COLLAB_ERROR_IMMUTABLE,        /* comments, decisions, applied plans */
  SL_COLLAB_ERROR_TRANSITION,       /* a status change the workflow does not allow */
  SL_COLLAB_ERROR_UNBALANCED,       /* a plan's money in ≠ out + its reserve draw */
  SL_COLLAB_ERROR_RESERVE,          /* a plan draws more than the reserve has left */
  SL_COLLAB_ERROR_BUDGET,           /* moving more out of a month than it has */
} SlCollabError;

GQuark    sl_collab_error_quark      (void);

/* Refuses (NOT_ALLOWED) when the current user is a viewer. */
gboolean  sl_collab_check_can_write  (SlWorkspace  *workspace,
                                      GError      **error);
/* Refuses (NOT_ALLOWED) unless the current user's role is finance,
 * who alone approves (@approve) and rejects. */
gboolean  sl_collab_check_finance    (SlWorkspace  *workspace,
                                      gboolean      approve,
                                      GError      **error);
/* A shared item's document id, "<type>:<uuid>" (docs/sync.md). */
char     *sl_collab_doc_id           (const char   *type,
                                      const char   *uuid);
/* Splits a document id; FALSE when it is not one. */
gboolean  sl_collab_parse_doc_id     (const char   *doc_id,
                                      char        **type,
                                      char        **uuid);
/* The id of the row of @table with @uuid, or 0. */
gint64    sl_collab_find_uuid        (SlDatabase   *db,
                                      const char   *table,
                                      const char   *uuid);
/* Sets @error to @code with @message (translated) and returns FALSE. */
gboolean  sl_collab_refuse           (GError      **error,
                                      SlCollabError code,
                                      const char   *message);
/* Runs @command (taking it) on @workspace's undo stack; *out_id
 * (optional) then gets the new row's id of @insert, a row insert that
 * @command is or holds. */
gboolean  sl_collab_run_insert       (SlWorkspace  *workspace,
                                      SlCommand    *command,
                                      SlCommand    *insert,
                                      gint64       *out_id,
                                      GError      **error);
/* Strips @text; NULL when nothing is left. */
char     *sl_collab_strip            (const char   *text);

G_END_DECLS
