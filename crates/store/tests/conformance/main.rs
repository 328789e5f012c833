//! The store conformance suite: every case runs against SQLite (in a temporary folder, always)
//! and against PostgreSQL (when `TEST_PG_URL` or `DATABASE_URL` is set; required when `CI` is).
//! `sqlite_migrations` adds the upgrades of SQLite files written by earlier versions.

// The cases are plain async functions called from the generated tests, where a failed unwrap is
// a failed test, as in `#[test]` functions.
#![allow(clippy::unwrap_used)]

mod accounts;
mod analysis;
mod convenor_invitations;
mod dialogues;
mod facilitation;
mod import;
mod limits;
mod participants;
mod partnerships;
mod priorities;
mod rounds;
mod safeguarding;
mod settlements;
mod sqlite_migrations;
mod statements;
mod support;
mod system_maps;
mod trust;
mod urls;
mod versions;
mod votes;

/// Declares each case once per backend: `sqlite::<case>` and `postgres::<case>`.
macro_rules! conformance {
    ($($module:ident :: $case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let db = crate::support::sqlite().await;
                    crate::$module::$case(&db).await;
                }
            )*
        }

        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let Some(db) = crate::support::postgres().await else {
                        return;
                    };
                    crate::$module::$case(&db).await;
                }
            )*
        }
    };
}

conformance!(
    rounds::a_new_round_keeps_the_last_rounds_votes_and_starts_empty,
    rounds::rounds_refuse_bad_labels_unknown_dialogues_and_rounds_not_reached,
    rounds::erasing_a_participant_removes_their_votes_from_every_round,
    rounds::a_paper_code_is_keyed_once_per_round,
    safeguarding::a_screened_statement_is_held_even_under_post_moderation,
    safeguarding::a_participant_flags_a_statement_once,
    safeguarding::decisions_change_the_statement_keep_the_original_and_are_logged,
    safeguarding::settings_round_trip_and_start_empty,
    versions::a_dialogue_keeps_its_language_and_what_it_does_with_untranslated_statements,
    versions::a_version_per_language_and_kind_is_added_replaced_and_removed,
    versions::a_statement_keeps_its_language_and_its_versions_go_with_it,
    versions::a_statement_is_written_with_its_language_and_waits_for_a_translation_before_votes,
    facilitation::every_vote_keeps_its_channel_in_the_latest_votes_and_the_history,
    facilitation::a_card_makes_a_participant_with_its_constituencies_and_channel,
    facilitation::the_same_code_twice_is_refused_unless_the_card_replaces_the_first,
    facilitation::a_card_with_a_refused_vote_stores_nothing,
    facilitation::a_facilitator_invitation_makes_an_account_that_facilitates_one_dialogue,
    facilitation::a_moderator_invitation_makes_an_account_that_moderates_one_dialogue,
    partnerships::partnerships_own_partners_and_members,
    partnerships::a_partnership_and_its_first_member_are_created_together,
    partnerships::partnerships_and_partners_can_be_renamed,
    partnerships::a_partner_with_history_is_archived_and_one_without_deleted,
    partnerships::an_invitation_makes_a_new_account_a_representative_who_may_not_convene,
    partnerships::unusable_invitations_are_refused_and_change_nothing,
    partnerships::representatives_lose_their_rights_when_the_partner_is_archived,
    partnerships::of_two_concurrent_acceptances_exactly_one_wins,
    convenor_invitations::a_convenor_invitation_makes_a_new_account_a_convenor_of_the_partnership,
    convenor_invitations::an_account_that_only_speaks_for_partners_may_convene_once_it_accepts,
    convenor_invitations::unusable_convenor_invitations_are_refused_and_change_nothing,
    convenor_invitations::of_two_concurrent_convenor_acceptances_exactly_one_wins,
    settlements::objectives_are_versioned_and_stances_kept_per_version,
    settlements::objective_versions_keep_their_translations,
    settlements::decided_and_withdrawn_objectives_are_closed,
    settlements::actions_need_an_adopted_objective_and_keep_their_notes,
    settlements::the_decision_rule_is_kept_and_recorded,
    settlements::concurrent_writes_keep_one_unbroken_chain,
    settlements::adoption_is_refused_when_what_it_was_decided_on_has_changed,
    settlements::an_adoption_racing_an_objection_never_adopts_over_it,
    settlements::outcomes_are_published_and_the_calendar_feed_renewed,
    accounts::convenor_emails_are_unique_ignoring_case,
    accounts::sessions_end_when_they_expire_or_are_deleted,
    dialogues::a_dialogue_is_created_with_constituencies_and_seeds,
    dialogues::a_failed_creation_leaves_nothing_behind,
    dialogues::settings_and_open_state_can_change,
    dialogues::a_dialogue_is_shared_with_partners_only_when_asked,
    dialogues::weighting_and_population_shares_are_kept_and_make_the_analysis_stale,
    dialogues::a_schedule_admits_writes_only_between_its_times,
    dialogues::a_dialogue_is_created_with_its_schedule,
    statements::exact_duplicates_are_refused_and_near_ones_flagged,
    statements::pre_moderation_hides_statements_until_accepted,
    statements::post_moderation_shows_statements_at_once,
    statements::participant_statements_need_an_open_dialogue_that_accepts_them,
    statements::statements_are_listed_in_pages,
    statements::moderating_a_batch_is_all_or_nothing,
    statements::a_removed_statement_id_is_never_given_again,
    participants::participants_join_with_a_token_and_constituencies,
    participants::erasing_a_participant_removes_their_data,
    participants::an_erased_participant_id_is_never_given_again,
    votes::a_second_vote_replaces_the_first_and_history_keeps_both,
    votes::a_retried_vote_is_acknowledged_without_a_second_event,
    votes::votes_are_refused_where_they_cannot_count,
    votes::concurrent_votes_are_all_recorded,
    votes::concurrent_retries_record_one_event,
    votes::a_batch_answers_each_vote_as_alone,
    import::an_imported_conversation_keeps_its_data_and_latest_votes,
    import::an_inconsistent_import_is_refused_whole,
    analysis::snapshots_are_saved_loaded_and_go_stale,
    analysis::the_analysis_lock_is_exclusive_within_a_store,
    analysis::the_analysis_lock_is_exclusive_across_stores,
    limits::allowances_follow_the_rate_limit_arithmetic,
    limits::a_refusal_says_how_long_to_wait_and_changes_nothing,
    limits::two_stores_on_one_database_share_each_allowance,
    limits::full_allowances_are_forgotten,
    priorities::a_priority_list_keeps_its_settings_constituencies_and_dialogue,
    priorities::options_are_moderated_and_duplicates_refused,
    priorities::options_are_drafted_once_from_the_dialogues_statements,
    priorities::options_keep_one_translation_per_language,
    priorities::participants_join_with_a_token_constituencies_and_their_dialogue_self,
    priorities::comparisons_are_answered_once_per_pair_and_retries_replayed,
    priorities::concurrent_comparison_retries_record_one,
    priorities::erasing_a_priority_participant_removes_their_comparisons,
    trust::a_draft_is_saved_whole_and_submitted_once_complete,
    trust::each_partner_has_one_response_per_wave,
    trust::a_closed_wave_refuses_answers_and_changes,
    trust::partners_of_another_partnership_are_refused,
    trust::items_outside_the_scale_are_refused,
    system_maps::factors_and_links_keep_their_proposers_and_refuse_faults,
    system_maps::each_judge_has_one_replaceable_judgment_per_link,
    system_maps::imports_are_stored_whole_or_not_at_all,
    system_maps::actions_of_the_partnership_are_pinned_to_factors,
);
