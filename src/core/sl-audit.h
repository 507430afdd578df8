/* sl-audit.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* Finance's record: every decision and every change to a budget number,
 * newest first, filterable by person, channel and period. */

typedef enum
{
  SL_AUDIT_DECISION,       /* a row of decision */
  SL_AUDIT_BUDGET_CHANGE,  /* a history entry of a budget line's amount */
} SlAuditKind;

typedef struct
{
  SlAuditKind kind;
  gint64      at;          /* µs since the epoch */
  char       *author;
  char       *label;       /* the command as the user saw it; a decision's verdict */
  char       *target;      /* a decision's document id; NULL for changes */
  char       *note;        /* a decision's note */
  gint64      entity_id;   /* the budget line, or the decision */
  char       *version;     /* the line's version; NULL for decisions */
  gint64      channel_id;  /* 0: the reserve, unknown or none */
  SlDay       day;         /* the line's first day; the decision's meeting or day */
  char       *old_value;   /* "amount currency", NULL for none */
  char       *new_value;
} SlAuditRow;

typedef struct
{
  const char *author;      /* NULL: anyone */
  gint64      channel_id;  /* 0: any */
  SlDay       first;       /* SL_DAY_INVALID: no bound */
  SlDay       last;
} SlAuditFilter;

void       sl_audit_row_free (SlAuditRow          *row);
/* A decision matches a channel when its plan moves money out of or into
 * it, or its annotation is on it; a period by its meeting day (else the
 * day it was recorded). A budget change matches by its line, as it is now
 * or, for a deleted line, as history recorded it. Returns a GPtrArray of
 * SlAuditRow. */
GPtrArray *sl_audit_list     (SlDatabase          *db,
                              const SlAuditFilter *filter,
                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlAuditRow, sl_audit_row_free)

G_END_DECLS
