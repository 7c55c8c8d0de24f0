-- The local stack's grants to the application's role, run by its owner after the migrations: the same as
-- docs/operations/database-roles.md (LocalStackTest keeps them the same).
GRANT USAGE ON SCHEMA public, replay_snapshot TO ics_app;

-- history: insert and read, nothing else (no UPDATE, DELETE, TRUNCATE, and no ownership to disable a trigger)
GRANT SELECT, INSERT ON domain_event_entry, audit_ledger TO ics_app;

-- Axon's working tables: snapshots are replaced, tokens move, dead letters are retried and removed
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, dead_letter_entry,
                                        saga_entry, association_value_entry TO ics_app;

-- read models, positions and idempotency keys are rebuilt, moved on and expired
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON
      region_view, ics_view, ccg_view, boundary_change_view, projection_position, programme_baseline,
      legislative_milestone, milestone_state, board_seat, due_diligence_state, due_diligence_item,
      due_diligence_sign_off, constitution_state, constitution_draft, assurance_comment, transfer_scheme,
      transfer_agreement, transfer_item, idempotency_key TO ics_app;

-- the sequences behind the global index and the dead letters
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ics_app;

-- replays copy a read model into replay_snapshot while it is rebuilt (see decision 0009)
GRANT CREATE ON SCHEMA replay_snapshot TO ics_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON replay_snapshot.snapshot, replay_snapshot.position TO ics_app;
