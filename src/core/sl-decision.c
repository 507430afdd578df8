/* sl-decision.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-decision.h"

struct _SlDecision
{
  SlRecord  parent_instance;

  char     *target;
  char     *verdict;
  char     *note;
  char     *author;
  SlDay     meeting_day;
  gint64    created_at;
};

G_DEFINE_FINAL_TYPE (SlDecision, sl_decision, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_VERDICT,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_MEETING_DAY,
  PROP_CREATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_decision_finalize (GObject *object)
{
  SlDecision *self = (SlDecision *)object;

  g_free (self->target);
  g_free (self->verdict);
  g_free (self->note);
  g_free (self->author);

  G_OBJECT_CLASS (sl_decision_parent_class)->finalize (object);
}

static void
sl_decision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SlDecision *self = SL_DECISION (object);

  switch (prop_id)
    {
    case PROP_TARGET: g_value_set_string (value, self->target); break;
    case PROP_VERDICT: g_value_set_string (value, self->verdict); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_MEETING_DAY: g_value_set_int (value, self->meeting_day); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_decision_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SlDecision *self = SL_DECISION (object);

  switch (prop_id)
    {
    case PROP_TARGET: g_free (self->target); self->target = g_value_dup_string (value); break;
    case PROP_VERDICT: g_free (self->verdict); self->verdict = g_value_dup_string (value); break;
    case PROP_NOTE: g_free (self->note); self->note = g_value_dup_string (value); break;
    case PROP_AUTHOR: g_free (self->author); self->author = g_value_dup_string (value); break;
    case PROP_MEETING_DAY: self->meeting_day = g_value_get_int (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_decision_class_init (SlDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_decision_finalize;
  object_class->get_property = sl_decision_get_property;
  object_class->set_property = sl_decision_set_property;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_VERDICT] =
    g_param_spec_string ("verdict", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_DAY] =
    g_param_spec_int ("meeting-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_decision_init (SlDecision *self)
{
}

SlDecision *
sl_decision_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *target = sl_record_column_text (stmt, 2);
  g_autofree char *verdict = sl_record_column_text (stmt, 3);
  g_autofree char *note = sl_record_column_text (stmt, 4);
  g_autofree char *author = sl_record_column_text (stmt, 5);

  return g_object_new (SL_TYPE_DECISION,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "target", target,
                       "verdict", verdict,
                       "note", note,
                       "author", author,
                       "meeting-day", sqlite3_column_type (stmt, 6) == SQLITE_NULL ? SL_DAY_INVALID : sqlite3_column_int (stmt, 6),
                       "created-at", sqlite3_column_int64 (stmt, 7),
                       NULL);
}

const char *
sl_decision_get_target (SlDecision *self)
{
  g_return_val_if_fail (SL_IS_DECISION (self), NULL);
  return self->target;
}

const char *
sl_decision_get_verdict (SlDecision *self)
{
  g_return_val_if_fail (SL_IS_DECISION (self), NULL);
  return self->verdict;
}

const char *
sl_decision_get_note (SlDecision *self)
{
  g_return_val_if_fail (SL_IS_DECISION (self), NULL);
  return self->note;
}

const char *
sl_decision_get_author (SlDecision *self)
{
  g_return_val_if_fail (SL_IS_DECISION (self), NULL);
  return self->author;
}

SlDay
sl_decision_get_meeting_day (SlDecision *self)
{
  g_return_val_if_fail (SL_IS_DECISION (self), SL_DAY_INVALID);
  return self->meeting_day;
}

gint64
sl_decision_get_created_at (SlDecision *self)
{
  g_return_val_if_fail (SL_IS_DECISION (self), 0);
  return self->created_at;
}

const char *
sl_decision_verdict_get_label (const char *verdict)
{
  if (g_strcmp0 (verdict, "approve") == 0)
    /* Translators: a decision's verdict on a plan or budget request */
    return C_("verdict", "Approved");
  if (g_strcmp0 (verdict, "reject") == 0)
    /* Translators: a decision's verdict on a plan or budget request */
    return C_("verdict", "Rejected");
  if (g_strcmp0 (verdict, "defer") == 0)
    /* Translators: a decision's verdict: to be decided at a later review */
    return C_("verdict", "Deferred");
  if (g_strcmp0 (verdict, "note") == 0)
    /* Translators: a decision's verdict: taken note of, nothing decided */
    return C_("verdict", "Noted");
  return verdict;
}
