//! Facilitation: every vote keeps its channel, facilitators are invited to one dialogue, and a
//! card is keyed whole or not at all.

use model::{
    ConvenorId, DialogueId, Email, ModerationPolicy, StatementId, VoteChannel, VoteChoice,
};
use store::prelude::*;
use store::{
    AcceptInvitation, Card, CastVote, Dialogue, Entity, InvitationStatus, NewFacilitatorInvitation,
    NewModeratorInvitation, NewParticipant, StatementFilter, StoreError, VoteOutcome,
};

use crate::support::{T0, TestDb, dialogue, hash, new_convenor};

/// How long test invitations stay valid.
const WEEK: i64 = 7 * 24 * 3600 * 1000;

async fn statement_ids(store: &dyn Store, dialogue: DialogueId) -> Vec<StatementId> {
    store
        .list_statements(dialogue, &StatementFilter::default())
        .await
        .unwrap()
        .statements
        .iter()
        .map(|statement| statement.id)
        .collect()
}

fn card(dialogue: &Dialogue, code: &str, votes: Vec<(StatementId, VoteChoice)>) -> Card {
    Card {
        dialogue: dialogue.id,
        code: code.to_owned(),
        constituencies: vec![dialogue.constituencies[0].id],
        votes,
        channel: VoteChannel::Paper,
        replace: false,
        entered_at: T0 + 10,
    }
}

pub async fn every_vote_keeps_its_channel_in_the_latest_votes_and_the_history(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["One", "Two"], &[]).await;
    let statements = statement_ids(store, created.id).await;
    let (participant, _) = store
        .create_participant(NewParticipant {
            dialogue: created.id,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap();
    for (statement, channel) in [
        (statements[0], VoteChannel::Online),
        (statements[1], VoteChannel::Facilitated),
        (statements[0], VoteChannel::Paper),
    ] {
        store
            .cast_vote(CastVote {
                participant: participant.id,
                statement,
                choice: VoteChoice::Agree,
                cast_at: T0 + 1,
                channel,
                idempotency_key: None,
            })
            .await
            .unwrap();
    }
    let latest: Vec<VoteChannel> = store
        .latest_votes(created.id)
        .await
        .unwrap()
        .iter()
        .map(|vote| vote.channel)
        .collect();
    // The latest vote carries the channel it last came through.
    assert_eq!(latest, [VoteChannel::Paper, VoteChannel::Facilitated]);
    let history: Vec<VoteChannel> = store
        .vote_history(created.id, None, 10)
        .await
        .unwrap()
        .iter()
        .map(|event| event.channel)
        .collect();
    assert_eq!(
        history,
        [
            VoteChannel::Online,
            VoteChannel::Facilitated,
            VoteChannel::Paper
        ]
    );
}

pub async fn a_card_makes_a_participant_with_its_constituencies_and_channel(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["One", "Two"],
        &["Carers", "Nurses"],
    )
    .await;
    let statements = statement_ids(store, created.id).await;
    let receipt = store
        .enter_card(card(
            &created,
            "A7K2",
            vec![
                (statements[0], VoteChoice::Agree),
                (statements[1], VoteChoice::Disagree),
            ],
        ))
        .await
        .unwrap();
    assert!(receipt.is_new);
    assert_eq!(receipt.outcomes, [VoteOutcome::New, VoteOutcome::New]);
    assert_eq!(
        receipt.participant.constituencies,
        [created.constituencies[0].id]
    );
    assert_eq!(receipt.participant.dialogue, created.id);
    let found = store
        .find_card_participant(created.id, "A7K2")
        .await
        .unwrap();
    assert_eq!(found, Some(receipt.participant.clone()));
    assert_eq!(
        store
            .find_card_participant(created.id, "B000")
            .await
            .unwrap(),
        None
    );
    let latest = store.latest_votes(created.id).await.unwrap();
    assert_eq!(latest.len(), 2);
    assert!(latest.iter().all(|vote| vote.channel == VoteChannel::Paper
        && vote.participant == receipt.participant.id
        && vote.cast_at == T0 + 10));
    // The paper participant counts like any other in the dialogue's memberships.
    assert_eq!(
        store.list_memberships(created.id).await.unwrap(),
        [(receipt.participant.id, created.constituencies[0].id)]
    );
}

pub async fn the_same_code_twice_is_refused_unless_the_card_replaces_the_first(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["One", "Two"],
        &["Carers", "Nurses"],
    )
    .await;
    let statements = statement_ids(store, created.id).await;
    let first = store
        .enter_card(card(
            &created,
            "C1",
            vec![(statements[0], VoteChoice::Agree)],
        ))
        .await
        .unwrap();
    let again = card(&created, "C1", vec![(statements[0], VoteChoice::Disagree)]);
    assert!(matches!(
        store.enter_card(again.clone()).await,
        Err(StoreError::Duplicate {
            entity: Entity::Participant,
            ..
        })
    ));
    assert_eq!(store.latest_votes(created.id).await.unwrap().len(), 1);
    let replaced = store
        .enter_card(Card {
            replace: true,
            constituencies: vec![created.constituencies[1].id],
            ..again
        })
        .await
        .unwrap();
    assert!(!replaced.is_new);
    assert_eq!(replaced.participant.id, first.participant.id);
    assert_eq!(
        replaced.participant.constituencies,
        [created.constituencies[1].id]
    );
    assert_eq!(
        replaced.outcomes,
        [VoteOutcome::Changed {
            previous: VoteChoice::Agree
        }]
    );
    assert_eq!(store.count_votes(created.id).await.unwrap().participants, 1);
}

pub async fn a_card_with_a_refused_vote_stores_nothing(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["One"], &["Carers"]).await;
    let other = dialogue(store, ModerationPolicy::Post, &["Elsewhere"], &[]).await;
    let statements = statement_ids(store, created.id).await;
    let elsewhere = statement_ids(store, other.id).await;
    let refused = store
        .enter_card(card(
            &created,
            "D1",
            vec![
                (statements[0], VoteChoice::Agree),
                (elsewhere[0], VoteChoice::Agree),
            ],
        ))
        .await;
    assert!(matches!(refused, Err(StoreError::StatementNotInDialogue)));
    assert_eq!(
        store.find_card_participant(created.id, "D1").await.unwrap(),
        None
    );
    assert!(store.latest_votes(created.id).await.unwrap().is_empty());
    // A closed dialogue takes no card.
    store.set_dialogue_open(created.id, false).await.unwrap();
    assert!(matches!(
        store
            .enter_card(card(
                &created,
                "D2",
                vec![(statements[0], VoteChoice::Pass)]
            ))
            .await,
        Err(StoreError::DialogueClosed)
    ));
}

async fn invite(
    store: &dyn Store,
    dialogue: DialogueId,
    by: ConvenorId,
    email: Option<&str>,
) -> (store::FacilitatorInvitation, model::Token) {
    store
        .create_facilitator_invitation(NewFacilitatorInvitation {
            place: dialogue,
            email: email.map(|email| Email::parse(email).unwrap()),
            created_by: by,
            created_at: T0,
            expires_at: T0 + WEEK,
        })
        .await
        .unwrap()
}

pub async fn a_facilitator_invitation_makes_an_account_that_facilitates_one_dialogue(db: &TestDb) {
    let store = db.store();
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let created = dialogue(store, ModerationPolicy::Post, &["One"], &[]).await;
    let other = dialogue(store, ModerationPolicy::Post, &["Two"], &[]).await;
    let (invitation, token) = invite(store, created.id, lead.id, None).await;
    assert_eq!(invitation.place, created.id);
    assert_eq!(invitation.status(T0 + 1), InvitationStatus::Pending);
    assert_eq!(
        store
            .find_facilitator_invitation_by_token(&token)
            .await
            .unwrap(),
        Some(invitation.clone())
    );
    // The kinds of invitation do not share tokens.
    assert!(
        store
            .find_convenor_invitation_by_token(&token)
            .await
            .unwrap()
            .is_none()
    );
    let (accepted, account) = store
        .accept_facilitator_invitation(
            &token,
            AcceptInvitation::NewAccount {
                email: Email::parse("helper@example.org").unwrap(),
                password_hash: hash("a long enough password"),
            },
            T0 + 2,
        )
        .await
        .unwrap();
    assert_eq!(accepted.accepted_by, Some(account.id));
    assert!(!account.may_convene, "a facilitator does not convene");
    assert!(store.is_facilitator(created.id, account.id).await.unwrap());
    assert_eq!(
        store.facilitated_dialogues(account.id).await.unwrap(),
        [created.id]
    );
    assert!(!store.is_facilitator(other.id, account.id).await.unwrap());
    assert!(!store.is_facilitator(created.id, lead.id).await.unwrap());
    assert_eq!(
        store.list_facilitators(created.id).await.unwrap(),
        std::slice::from_ref(&account)
    );
    assert!(
        !store
            .is_partnership_member(created.partnership, account.id)
            .await
            .unwrap()
    );
    // Used once only.
    assert!(matches!(
        store
            .accept_facilitator_invitation(&token, AcceptInvitation::Existing(lead.id), T0 + 3)
            .await,
        Err(StoreError::InvitationUsed)
    ));
    // Revoked and expired invitations change nothing.
    let (revoked, revoked_token) = invite(store, created.id, lead.id, None).await;
    store
        .revoke_facilitator_invitation(revoked.id, T0 + 4)
        .await
        .unwrap();
    assert!(matches!(
        store
            .accept_facilitator_invitation(
                &revoked_token,
                AcceptInvitation::Existing(lead.id),
                T0 + 5
            )
            .await,
        Err(StoreError::InvitationRevoked)
    ));
    let (_, late_token) = invite(store, other.id, lead.id, None).await;
    assert!(matches!(
        store
            .accept_facilitator_invitation(
                &late_token,
                AcceptInvitation::Existing(lead.id),
                T0 + WEEK
            )
            .await,
        Err(StoreError::InvitationExpired)
    ));
    assert!(!store.is_facilitator(other.id, lead.id).await.unwrap());
    assert_eq!(
        store
            .list_facilitator_invitations(created.id)
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(matches!(
        store
            .list_facilitator_invitations(DialogueId(999_999))
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

/// A moderator is invited as a facilitator is, to one dialogue, and the two roles are apart:
/// accepting one grants nothing of the other.
pub async fn a_moderator_invitation_makes_an_account_that_moderates_one_dialogue(db: &TestDb) {
    let store = db.store();
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let moderated = dialogue(store, ModerationPolicy::Pre, &["One"], &[]).await;
    let other = dialogue(store, ModerationPolicy::Pre, &["Two"], &[]).await;
    let (invitation, token) = store
        .create_moderator_invitation(NewModeratorInvitation {
            place: moderated.id,
            email: Some(Email::parse("safeguarding@example.org").unwrap()),
            created_by: lead.id,
            created_at: T0,
            expires_at: T0 + WEEK,
        })
        .await
        .unwrap();
    assert_eq!(
        store
            .list_moderator_invitations(moderated.id)
            .await
            .unwrap(),
        std::slice::from_ref(&invitation)
    );
    assert!(
        store
            .list_moderator_invitations(other.id)
            .await
            .unwrap()
            .is_empty()
    );
    // Tokens of one kind open nothing of another.
    assert!(
        store
            .find_facilitator_invitation_by_token(&token)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .find_moderator_invitation_by_token(&token)
            .await
            .unwrap()
            .map(|found| found.id),
        Some(invitation.id)
    );
    let (accepted, account) = store
        .accept_moderator_invitation(
            &token,
            AcceptInvitation::NewAccount {
                email: Email::parse("safeguarding@example.org").unwrap(),
                password_hash: hash("a long enough password"),
            },
            T0 + 2,
        )
        .await
        .unwrap();
    assert_eq!(accepted.status(T0 + 3), InvitationStatus::Accepted);
    assert!(!account.may_convene, "a moderator does not convene");
    assert!(store.is_moderator(moderated.id, account.id).await.unwrap());
    assert!(!store.is_moderator(other.id, account.id).await.unwrap());
    assert!(
        !store
            .is_facilitator(moderated.id, account.id)
            .await
            .unwrap()
    );
    assert_eq!(
        store.list_moderators(moderated.id).await.unwrap(),
        std::slice::from_ref(&account)
    );
    assert!(
        store
            .list_facilitators(moderated.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.moderated_dialogues(account.id).await.unwrap(),
        [moderated.id]
    );
    assert!(
        store
            .facilitated_dialogues(account.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        store
            .revoke_moderator_invitation(invitation.id, T0 + 4)
            .await,
        Err(StoreError::InvitationUsed)
    ));
    assert!(matches!(
        store.list_moderators(DialogueId(9_999)).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
    assert!(matches!(
        store
            .create_moderator_invitation(NewModeratorInvitation {
                place: DialogueId(9_999),
                email: None,
                created_by: lead.id,
                created_at: T0,
                expires_at: T0 + WEEK,
            })
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}
