from fastapi import APIRouter, Depends
from sqlalchemy import text

from emotion.moodlog.repository import MoodLog
from emotion.service.analysis import Analyzer
from emotion.service.deps import get_analyzer, get_moodlog, get_settings
from emotion.service.schemas import Health
from emotion.settings import Settings

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz(moodlog: MoodLog = Depends(get_moodlog), analyzer: Analyzer = Depends(get_analyzer),
            settings: Settings = Depends(get_settings)) -> Health:
    """Liveness and readiness: the database answers and which encoders are loaded."""
    with moodlog.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return Health(status="ok", database=moodlog.engine.dialect.name, compliance_profile=settings.compliance_profile,
                  encoders=analyzer.status)
